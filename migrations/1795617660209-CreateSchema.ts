import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateSchema1795617660209 implements MigrationInterface {
    name = 'CreateSchema1795617660209'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Trigram similarity for the repetition look-up (a trusted extension: the database owner may create it).
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
        await queryRunner.query(`CREATE TABLE "case_events" ("sequence" bigint NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reference" character varying(20), "actor" character varying(60) NOT NULL, "type" character varying(60) NOT NULL, "details" jsonb NOT NULL, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_99f00c71e53e834915a46040945" PRIMARY KEY ("sequence"))`);
        await queryRunner.query(`CREATE INDEX "case_events_occurred_at_idx" ON "case_events"  ("occurred_at") `);
        await queryRunner.query(`CREATE INDEX "case_events_reference_sequence_idx" ON "case_events"  ("reference", "sequence") `);
        await queryRunner.query(`CREATE TABLE "complainants" ("id" uuid NOT NULL, "name" text NOT NULL, "email" text NOT NULL, "phone" text, "postal_address" text, "email_key" text NOT NULL, "name_key" text NOT NULL, "address_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5d855503adfc233fc213ce5eadb" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_81dd342f8838a81654860042bb" ON "complainants"  ("email_key") `);
        await queryRunner.query(`CREATE INDEX "IDX_b0a364c4e313e501e19114da6b" ON "complainants"  ("name_key") `);
        await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL, "email" character varying(254) NOT NULL, "password_hash" text NOT NULL, "role" character varying(20) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "users_role_check" CHECK (role IN ('officer', 'auditor', 'admin')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "users_email_key" ON "users"  ("email") `);
        await queryRunner.query(`CREATE TABLE "complaints" ("id" uuid NOT NULL, "reference" character varying(20) NOT NULL, "complainant_id" uuid NOT NULL, "subject_role" character varying(20) NOT NULL, "subject_name" text, "summary" character varying(300) NOT NULL, "details" text NOT NULL, "incident_date" date, "channel" character varying(20) NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(30) NOT NULL DEFAULT 'received', "triage_category" character varying(20), "override_category" character varying(20), "category" character varying(20), "assignee_id" uuid, "idempotency_key" character varying(200), "triaged_at" TIMESTAMP WITH TIME ZONE, "next_due_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "complaints_override_category_check" CHECK (override_category IS NULL OR override_category IN ('criminal', 'conduct', 'vexatious', 'political', 'non_policing')), CONSTRAINT "complaints_triage_category_check" CHECK (triage_category IS NULL OR triage_category IN ('criminal', 'conduct', 'vexatious', 'political', 'non_policing')), CONSTRAINT "complaints_category_check" CHECK (category IS NULL OR category IN ('criminal', 'conduct', 'vexatious', 'political', 'non_policing')), CONSTRAINT "complaints_channel_check" CHECK (channel IN ('web', 'api', 'letter', 'email', 'phone', 'in_person')), CONSTRAINT "complaints_subject_role_check" CHECK (subject_role IN ('pcc', 'deputy_pcc', 'mayor')), CONSTRAINT "complaints_status_check" CHECK (status IN ('received', 'triaged', 'referred_to_iopc', 'iopc_investigating', 'referred_back', 'informal_resolution', 'comments_invited', 'outcome_recorded', 'disapplied', 'not_recorded', 'redirected', 'withdrawn', 'closed')), CONSTRAINT "PK_4b7566a2a489c2cc7c12ed076ad" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "complaints_reference_key" ON "complaints"  ("reference") `);
        await queryRunner.query(`CREATE INDEX "IDX_67d6209e1bfa6e88b0fec80dc2" ON "complaints"  ("complainant_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_4f4a41e84f0f9a12d24c4f3ad0" ON "complaints"  ("assignee_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "complaints_idempotency_key" ON "complaints"  ("idempotency_key") WHERE idempotency_key IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "complaints_received_idx" ON "complaints"  ("received_at") `);
        await queryRunner.query(`CREATE INDEX "complaints_due_idx" ON "complaints"  ("next_due_at") `);
        await queryRunner.query(`CREATE INDEX "complaints_status_due_idx" ON "complaints"  ("status", "next_due_at") `);
        await queryRunner.query(`CREATE INDEX "complaints_category_due_idx" ON "complaints"  ("category", "next_due_at") `);
        await queryRunner.query(`CREATE TABLE "deadlines" ("id" uuid NOT NULL, "complaint_id" uuid NOT NULL, "kind" character varying(30) NOT NULL, "start_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "met_at" TIMESTAMP WITH TIME ZONE, "calculation" jsonb NOT NULL, CONSTRAINT "deadlines_complaint_kind_key" UNIQUE ("complaint_id", "kind"), CONSTRAINT "deadlines_kind_check" CHECK (kind IN ('acknowledgement', 'recording_decision', 'iopc_referral', 'informal_resolution')), CONSTRAINT "PK_a9b8551c028a78298641a8e3470" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "deadlines_open_due_idx" ON "deadlines"  ("due_at") WHERE met_at IS NULL`);
        await queryRunner.query(`CREATE TABLE "outbox" ("id" BIGSERIAL NOT NULL, "topic" character varying(60) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "outbox_pending_idx" ON "outbox"  ("id") WHERE dispatched_at IS NULL`);
        await queryRunner.query(`CREATE TABLE "triage_runs" ("id" uuid NOT NULL, "complaint_id" uuid NOT NULL, "ruleset_version" character varying(40) NOT NULL, "category" character varying(20) NOT NULL, "confidence" real NOT NULL, "needs_review" boolean NOT NULL, "reg15_grounds" jsonb NOT NULL DEFAULT '[]', "trigger" character varying(20) NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "triage_runs_complaint_version_key" UNIQUE ("complaint_id", "ruleset_version"), CONSTRAINT "triage_runs_category_check" CHECK (category IN ('criminal', 'conduct', 'vexatious', 'political', 'non_policing')), CONSTRAINT "PK_919920f0a17826bf750d7e81647" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_d19f75a3e69e02c02c6bc93157" ON "triage_runs"  ("complaint_id") `);
        await queryRunner.query(`CREATE TABLE "triage_step_results" ("id" uuid NOT NULL, "complaint_id" uuid NOT NULL, "step" character varying(40) NOT NULL, "ruleset_version" character varying(40) NOT NULL, "verdict" character varying(40) NOT NULL, "evidence" jsonb NOT NULL, "findings" jsonb NOT NULL DEFAULT '{}', "completed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "triage_step_results_once_key" UNIQUE ("complaint_id", "step", "ruleset_version"), CONSTRAINT "PK_03c2f2c2bbaf35feb61a5ecfdda" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_e799ee44c5b5149764ebaeffeb" ON "triage_step_results"  ("complaint_id") `);
        await queryRunner.query(`ALTER TABLE "complaints" ADD CONSTRAINT "FK_67d6209e1bfa6e88b0fec80dc29" FOREIGN KEY ("complainant_id") REFERENCES "complainants"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD CONSTRAINT "FK_4f4a41e84f0f9a12d24c4f3ad08" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "deadlines" ADD CONSTRAINT "FK_0d63bd474b899c8dc441bd4faac" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "triage_runs" ADD CONSTRAINT "FK_d19f75a3e69e02c02c6bc93157e" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "triage_step_results" ADD CONSTRAINT "FK_e799ee44c5b5149764ebaeffeb4" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        // Written by hand: TypeORM cannot express an index on an expression (the entity marks it synchronize: false).
        await queryRunner.query(`CREATE INDEX "complaints_search_idx" ON "complaints" USING gin (to_tsvector('english', summary || ' ' || details))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."complaints_search_idx"`);
        await queryRunner.query(`ALTER TABLE "triage_step_results" DROP CONSTRAINT "FK_e799ee44c5b5149764ebaeffeb4"`);
        await queryRunner.query(`ALTER TABLE "triage_runs" DROP CONSTRAINT "FK_d19f75a3e69e02c02c6bc93157e"`);
        await queryRunner.query(`ALTER TABLE "deadlines" DROP CONSTRAINT "FK_0d63bd474b899c8dc441bd4faac"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "FK_4f4a41e84f0f9a12d24c4f3ad08"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "FK_67d6209e1bfa6e88b0fec80dc29"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_e799ee44c5b5149764ebaeffeb"`);
        await queryRunner.query(`DROP TABLE "triage_step_results"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d19f75a3e69e02c02c6bc93157"`);
        await queryRunner.query(`DROP TABLE "triage_runs"`);
        await queryRunner.query(`DROP INDEX "public"."outbox_pending_idx"`);
        await queryRunner.query(`DROP TABLE "outbox"`);
        await queryRunner.query(`DROP INDEX "public"."deadlines_open_due_idx"`);
        await queryRunner.query(`DROP TABLE "deadlines"`);
        await queryRunner.query(`DROP INDEX "public"."complaints_category_due_idx"`);
        await queryRunner.query(`DROP INDEX "public"."complaints_status_due_idx"`);
        await queryRunner.query(`DROP INDEX "public"."complaints_due_idx"`);
        await queryRunner.query(`DROP INDEX "public"."complaints_received_idx"`);
        await queryRunner.query(`DROP INDEX "public"."complaints_idempotency_key"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_4f4a41e84f0f9a12d24c4f3ad0"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_67d6209e1bfa6e88b0fec80dc2"`);
        await queryRunner.query(`DROP INDEX "public"."complaints_reference_key"`);
        await queryRunner.query(`DROP TABLE "complaints"`);
        await queryRunner.query(`DROP INDEX "public"."users_email_key"`);
        await queryRunner.query(`DROP TABLE "users"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b0a364c4e313e501e19114da6b"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_81dd342f8838a81654860042bb"`);
        await queryRunner.query(`DROP TABLE "complainants"`);
        await queryRunner.query(`DROP INDEX "public"."case_events_reference_sequence_idx"`);
        await queryRunner.query(`DROP INDEX "public"."case_events_occurred_at_idx"`);
        await queryRunner.query(`DROP TABLE "case_events"`);
    }

}
