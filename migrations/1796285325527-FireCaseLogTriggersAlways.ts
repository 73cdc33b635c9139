import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: TypeORM cannot express triggers. An ordinary trigger does not fire while a session runs with
 * `session_replication_role = replica`, so a superuser could change the case log with one SET and no schema change.
 * ENABLE ALWAYS makes the append-only trigger fire whatever the replication role; disabling it now takes an
 * ALTER TABLE, which the table's owner or a superuser must do on purpose.
 */
export class FireCaseLogTriggersAlways1796285325527 implements MigrationInterface {
  name = 'FireCaseLogTriggersAlways1796285325527';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_events ENABLE ALWAYS TRIGGER case_events_append_only`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_events ENABLE TRIGGER case_events_append_only`);
  }
}
