import { ConfigurationError, validateEnvironment } from './environment.js';

describe('validateEnvironment', () => {
  it('gives working defaults for local development', () => {
    const env = validateEnvironment({});
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/pcc_triage');
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.PORT).toBe(3000);
    expect(env.INTAKE_RATE_LIMIT).toBeGreaterThan(0);
  });

  it('reads numbers and booleans from strings', () => {
    const env = validateEnvironment({ PORT: '8080', INTAKE_RATE_LIMIT: '0', TRUST_PROXY: 'true' });
    expect(env).toMatchObject({ PORT: 8080, INTAKE_RATE_LIMIT: 0, TRUST_PROXY: true });
  });

  it('names every bad variable in one message', () => {
    expect(() => validateEnvironment({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(/PORT.*DATABASE_URL|DATABASE_URL.*PORT/);
  });

  it('refuses to start in production without AUTH_SECRET or with the development secret', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production', ADMIN_PASSWORD: 'a-real-admin-password' })).toThrow(ConfigurationError);
    expect(() => validateEnvironment({ NODE_ENV: 'production', ADMIN_PASSWORD: 'a-real-admin-password' })).toThrow(/AUTH_SECRET must be set/);
    expect(() => validateEnvironment({ NODE_ENV: 'production', AUTH_SECRET: 'short', ADMIN_PASSWORD: 'a-real-admin-password' })).toThrow(/AUTH_SECRET must be at least 32/);
    const env = validateEnvironment({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: 'a-real-admin-password' });
    expect(env.NODE_ENV).toBe('production');
  });
});
