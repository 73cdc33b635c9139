import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The analyse step's language analysis (about ten times the complaint's length as JSON) gets a text column of its own,
 * compressed with lz4 where the server has it. Stored as jsonb it cost Postgres more than any other part of triage:
 * parsing 20 KB of JSON into jsonb and compressing it with pglz took about 1.3 ms a complaint, where lz4 text takes
 * 0.05 ms. Nothing queries inside it: the steps read it whole. The other steps' small findings stay jsonb.
 */
export class StoreAnalysisAsText1796307000000 implements MigrationInterface {
    name = 'StoreAnalysisAsText1796307000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "triage_step_results" ADD "analysis" text`);
        // A server built without lz4 refuses the method: it then keeps its default compression.
        await queryRunner.query(`DO $$ BEGIN
            ALTER TABLE "triage_step_results" ALTER COLUMN "analysis" SET COMPRESSION lz4;
          EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL; END $$`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`UPDATE "triage_step_results" SET "findings" = "analysis"::jsonb WHERE "analysis" IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "triage_step_results" DROP COLUMN "analysis"`);
    }
}
