import { MigrationInterface, QueryRunner } from "typeorm";

export class AddCaseNotes1796292194556 implements MigrationInterface {
    name = 'AddCaseNotes1796292194556'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "case_notes" ("id" uuid NOT NULL, "complaint_id" uuid NOT NULL, "text" text NOT NULL, "contact_channel" character varying(20), "contact_direction" character varying(20), "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "case_notes_contact_direction_check" CHECK (contact_direction IS NULL OR contact_direction IN ('from_complainant', 'to_complainant')), CONSTRAINT "case_notes_contact_channel_check" CHECK (contact_channel IS NULL OR contact_channel IN ('phone', 'email', 'letter', 'in_person')), CONSTRAINT "PK_474011f166285b8da9a653af5c5" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "case_notes_complaint_created_idx" ON "case_notes"  ("complaint_id", "created_at") `);
        await queryRunner.query(`ALTER TABLE "case_notes" ADD CONSTRAINT "FK_419a931176eeb84c132a69d5850" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "case_notes" ADD CONSTRAINT "FK_fa9f5a1235f582e1c090b756981" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "case_notes" DROP CONSTRAINT "FK_fa9f5a1235f582e1c090b756981"`);
        await queryRunner.query(`ALTER TABLE "case_notes" DROP CONSTRAINT "FK_419a931176eeb84c132a69d5850"`);
        await queryRunner.query(`DROP INDEX "public"."case_notes_complaint_created_idx"`);
        await queryRunner.query(`DROP TABLE "case_notes"`);
    }

}
