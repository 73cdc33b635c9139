import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * triage_step_results and triage_runs each had an index on complaint_id beside a unique key that begins with it
 * (complaint, step, rule set; complaint, rule set). Every look-up by complaint uses the unique key as well, so the
 * lone index was only written: nine more index entries for each complaint triaged, kept for nothing.
 */
export class DropIndexesTheUniqueKeysCover1796309000000 implements MigrationInterface {
    name = 'DropIndexesTheUniqueKeysCover1796309000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_e799ee44c5b5149764ebaeffeb"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d19f75a3e69e02c02c6bc93157"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "IDX_d19f75a3e69e02c02c6bc93157" ON "triage_runs" ("complaint_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_e799ee44c5b5149764ebaeffeb" ON "triage_step_results" ("complaint_id") `);
    }
}
