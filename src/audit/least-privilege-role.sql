-- Optional: a least-privilege login role for the application, for deployments that separate roles.
-- Run as the database owner after the migrations have run (the owner keeps running migrations):
--   psql "$OWNER_DATABASE_URL" -v app_role=pcc_triage_app -v app_password='a long secret' -f src/audit/least-privilege-role.sql
-- then start the application with DATABASE_URL=postgres://pcc_triage_app:…@host/pcc_triage.
-- The application holds only SELECT and INSERT on case_events; the append-only trigger refuses the rest for every role.
CREATE ROLE :"app_role" LOGIN PASSWORD :'app_password';
GRANT USAGE ON SCHEMA public TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app_role";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_role";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO :"app_role";
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON case_events FROM :"app_role";
