import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: TypeORM cannot express triggers. The case log refuses UPDATE, DELETE and TRUNCATE for every role,
 * the owner included, so changing it takes a superuser disabling the trigger on purpose (and verify then tells).
 * Statement-level, so even an UPDATE that matches no row is refused.
 */
export class ProtectCaseEvents1795618899053 implements MigrationInterface {
  name = 'ProtectCaseEvents1795618899053';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION case_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_events is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege', HINT = 'The case log can only be added to.';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER case_events_append_only
        BEFORE UPDATE OR DELETE OR TRUNCATE ON case_events
        FOR EACH STATEMENT EXECUTE FUNCTION case_events_refuse_change()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER case_events_append_only ON case_events`);
    await queryRunner.query(`DROP FUNCTION case_events_refuse_change()`);
  }
}
