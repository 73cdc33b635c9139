import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { Environment } from '../config/environment.js';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { LoginAttemptsService } from './login-attempts.service.js';
import { TokenService } from './token.service.js';

@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [Environment],
      useFactory: (env: Environment) => ({
        // A KeyObject, made once: given a string, jsonwebtoken first tries it as a public key on every request and
        // catches the failure, which cost about 1 ms of CPU per staff request.
        secret: createSecretKey(Buffer.from(env.AUTH_SECRET)),
        signOptions: { algorithm: 'HS256', expiresIn: env.AUTH_TOKEN_TTL_MINUTES * 60, issuer: 'pcc-triage' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'pcc-triage' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [TokenService, LoginAttemptsService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService, LoginAttemptsService],
})
export class AuthModule {}
