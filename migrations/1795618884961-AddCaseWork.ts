import { MigrationInterface, QueryRunner } from "typeorm";

export class AddCaseWork1795618884961 implements MigrationInterface {
    name = 'AddCaseWork1795618884961'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "case_actions" ("id" uuid NOT NULL, "complaint_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "notes" text NOT NULL, "from_status" character varying(30) NOT NULL, "to_status" character varying(30) NOT NULL, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "case_actions_kind_check" CHECK (kind IN ('acknowledged', 'referred_to_iopc', 'iopc_investigating', 'iopc_referred_back', 'informal_resolution_started', 'comments_invited', 'informal_resolution_concluded', 'disapplied', 'not_recorded', 'redirected', 'withdrawn', 'closed')), CONSTRAINT "PK_8b999ee896ebcdf6702df306fb3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "case_actions_complaint_recorded_idx" ON "case_actions"  ("complaint_id", "recorded_at") `);
        await queryRunner.query(`CREATE TABLE "classification_overrides" ("id" uuid NOT NULL, "complaint_id" uuid NOT NULL, "from_category" character varying(20), "to_category" character varying(20) NOT NULL, "triage_category" character varying(20), "ruleset_version" character varying(40), "reason" text NOT NULL, "state" character varying(20) NOT NULL, "requested_by" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "classification_overrides_to_check" CHECK (to_category IN ('criminal', 'conduct', 'vexatious', 'political', 'non_policing')), CONSTRAINT "classification_overrides_state_check" CHECK (state IN ('pending', 'applied', 'rejected', 'superseded')), CONSTRAINT "PK_3fd2ec0d7fdaff2632c2a5bd63b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "classification_overrides_one_pending_key" ON "classification_overrides"  ("complaint_id") WHERE state = 'pending'`);
        await queryRunner.query(`CREATE INDEX "classification_overrides_complaint_idx" ON "classification_overrides"  ("complaint_id", "requested_at") `);
        await queryRunner.query(`CREATE TABLE "letters" ("id" uuid NOT NULL, "complaint_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "recipient" text NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "send_error" text, CONSTRAINT "letters_kind_check" CHECK (kind IN ('acknowledgement', 'iopc_referral_notice', 'not_recorded_notice', 'informal_resolution_outcome')), CONSTRAINT "PK_bf70c41d26aa84cf2651d571889" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "letters_complaint_created_idx" ON "letters"  ("complaint_id", "created_at") `);
        await queryRunner.query(`ALTER TABLE "deadlines" ADD "met_by" character varying(60)`);
        await queryRunner.query(`ALTER TABLE "case_actions" ADD CONSTRAINT "FK_aaccf48ad8885996e0a3d8a38e2" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "case_actions" ADD CONSTRAINT "FK_4cf6bcae02ddbe9c74c145e1b26" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "classification_overrides" ADD CONSTRAINT "FK_73327dc984297376066006c1db4" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "classification_overrides" ADD CONSTRAINT "FK_a442a7d0d67ed1e14c2bc04b3b0" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "classification_overrides" ADD CONSTRAINT "FK_66551aa3ff2703c3878aa52a761" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "letters" ADD CONSTRAINT "FK_358f68f6b64d522157446360fe1" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "letters" ADD CONSTRAINT "FK_724dec78de90e0f12fe518cd312" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "letters" DROP CONSTRAINT "FK_724dec78de90e0f12fe518cd312"`);
        await queryRunner.query(`ALTER TABLE "letters" DROP CONSTRAINT "FK_358f68f6b64d522157446360fe1"`);
        await queryRunner.query(`ALTER TABLE "classification_overrides" DROP CONSTRAINT "FK_66551aa3ff2703c3878aa52a761"`);
        await queryRunner.query(`ALTER TABLE "classification_overrides" DROP CONSTRAINT "FK_a442a7d0d67ed1e14c2bc04b3b0"`);
        await queryRunner.query(`ALTER TABLE "classification_overrides" DROP CONSTRAINT "FK_73327dc984297376066006c1db4"`);
        await queryRunner.query(`ALTER TABLE "case_actions" DROP CONSTRAINT "FK_4cf6bcae02ddbe9c74c145e1b26"`);
        await queryRunner.query(`ALTER TABLE "case_actions" DROP CONSTRAINT "FK_aaccf48ad8885996e0a3d8a38e2"`);
        await queryRunner.query(`ALTER TABLE "deadlines" DROP COLUMN "met_by"`);
        await queryRunner.query(`DROP INDEX "public"."letters_complaint_created_idx"`);
        await queryRunner.query(`DROP TABLE "letters"`);
        await queryRunner.query(`DROP INDEX "public"."classification_overrides_complaint_idx"`);
        await queryRunner.query(`DROP INDEX "public"."classification_overrides_one_pending_key"`);
        await queryRunner.query(`DROP TABLE "classification_overrides"`);
        await queryRunner.query(`DROP INDEX "public"."case_actions_complaint_recorded_idx"`);
        await queryRunner.query(`DROP TABLE "case_actions"`);
    }

}
