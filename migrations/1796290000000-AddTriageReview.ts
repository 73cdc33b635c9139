import { MigrationInterface, QueryRunner } from "typeorm";

export class AddTriageReview1796290000000 implements MigrationInterface {
    name = 'AddTriageReview1796290000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "complaints" ADD "possible_offence" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "triage_runs" ADD "possible_offence" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "triage_runs" ADD "review_reasons" jsonb NOT NULL DEFAULT '[]'`);
        await queryRunner.query(`ALTER TABLE "triage_runs" ADD "review_cleared_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "triage_runs" ADD "review_cleared_by" uuid`);
        await queryRunner.query(`ALTER TABLE "triage_runs" ADD "review_clear_reason" text`);
        // TypeORM does not see a changed CHECK: the triage's review is a deadline like the others
        await queryRunner.query(`ALTER TABLE "deadlines" DROP CONSTRAINT "deadlines_kind_check"`);
        await queryRunner.query(`ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_kind_check" CHECK (kind IN ('acknowledgement', 'recording_decision', 'iopc_referral', 'informal_resolution', 'triage_review'))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "deadlines" WHERE kind = 'triage_review'`);
        await queryRunner.query(`ALTER TABLE "deadlines" DROP CONSTRAINT "deadlines_kind_check"`);
        await queryRunner.query(`ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_kind_check" CHECK (kind IN ('acknowledgement', 'recording_decision', 'iopc_referral', 'informal_resolution'))`);
        await queryRunner.query(`ALTER TABLE "triage_runs" DROP COLUMN "review_clear_reason"`);
        await queryRunner.query(`ALTER TABLE "triage_runs" DROP COLUMN "review_cleared_by"`);
        await queryRunner.query(`ALTER TABLE "triage_runs" DROP COLUMN "review_cleared_at"`);
        await queryRunner.query(`ALTER TABLE "triage_runs" DROP COLUMN "review_reasons"`);
        await queryRunner.query(`ALTER TABLE "triage_runs" DROP COLUMN "possible_offence"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "possible_offence"`);
    }

}
