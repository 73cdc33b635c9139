import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Generated, then the triggers added by hand: a signed checkpoint is kept as signed. Only the delivery columns may
 * change; DELETE and TRUNCATE are refused, and the triggers fire whatever the session's replication role.
 */
export class AddCaseLogCheckpoints1796289385924 implements MigrationInterface {
    name = 'AddCaseLogCheckpoints1796289385924'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "case_log_checkpoints" ("id" BIGSERIAL NOT NULL, "sequence" bigint NOT NULL, "hash" character(64) NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "key_id" character(64) NOT NULL, "signature" character varying(100) NOT NULL, "text" text NOT NULL, "note" text NOT NULL, "occasion" character varying(20) NOT NULL, "file_delivered_at" TIMESTAMP WITH TIME ZONE, "emailed_at" TIMESTAMP WITH TIME ZONE, "delivery_attempts" integer NOT NULL DEFAULT '0', "next_delivery_at" TIMESTAMP WITH TIME ZONE, "last_delivery_error" text, CONSTRAINT "case_log_checkpoints_occasion_check" CHECK (occasion IN ('on_demand', 'export', 'scheduled')), CONSTRAINT "PK_204793e8fcbd771303a29a360a0" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "case_log_checkpoints_undelivered_idx" ON "case_log_checkpoints"  ("id") WHERE file_delivered_at IS NULL OR emailed_at IS NULL`);
        await queryRunner.query(`CREATE INDEX "case_log_checkpoints_sequence_idx" ON "case_log_checkpoints"  ("sequence") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "case_log_checkpoints_head_key" ON "case_log_checkpoints"  ("key_id", "sequence", "hash") `);
        await queryRunner.query(`
            CREATE FUNCTION case_log_checkpoints_keep_signed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'UPDATE' AND (NEW.id, NEW.sequence, NEW.hash, NEW.issued_at, NEW.key_id, NEW.signature, NEW.text, NEW.note, NEW.occasion)
                 IS NOT DISTINCT FROM (OLD.id, OLD.sequence, OLD.hash, OLD.issued_at, OLD.key_id, OLD.signature, OLD.text, OLD.note, OLD.occasion) THEN
                RETURN NEW;
              END IF;
              RAISE EXCEPTION 'case_log_checkpoints keeps what was signed: % refused', TG_OP
                USING ERRCODE = 'insufficient_privilege', HINT = 'Only the delivery columns of a checkpoint may change.';
            END
            $$`);
        await queryRunner.query(`
            CREATE TRIGGER case_log_checkpoints_signed_rows
              BEFORE UPDATE OR DELETE ON case_log_checkpoints
              FOR EACH ROW EXECUTE FUNCTION case_log_checkpoints_keep_signed()`);
        await queryRunner.query(`
            CREATE TRIGGER case_log_checkpoints_no_truncate
              BEFORE TRUNCATE ON case_log_checkpoints
              FOR EACH STATEMENT EXECUTE FUNCTION case_log_checkpoints_keep_signed()`);
        await queryRunner.query(`ALTER TABLE case_log_checkpoints ENABLE ALWAYS TRIGGER case_log_checkpoints_signed_rows`);
        await queryRunner.query(`ALTER TABLE case_log_checkpoints ENABLE ALWAYS TRIGGER case_log_checkpoints_no_truncate`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER case_log_checkpoints_no_truncate ON case_log_checkpoints`);
        await queryRunner.query(`DROP TRIGGER case_log_checkpoints_signed_rows ON case_log_checkpoints`);
        await queryRunner.query(`DROP FUNCTION case_log_checkpoints_keep_signed()`);
        await queryRunner.query(`DROP INDEX "public"."case_log_checkpoints_head_key"`);
        await queryRunner.query(`DROP INDEX "public"."case_log_checkpoints_sequence_idx"`);
        await queryRunner.query(`DROP INDEX "public"."case_log_checkpoints_undelivered_idx"`);
        await queryRunner.query(`DROP TABLE "case_log_checkpoints"`);
    }

}
