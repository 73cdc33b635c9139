import { MigrationInterface, QueryRunner } from "typeorm";

export class AddLetterDrafts1796293415588 implements MigrationInterface {
    name = 'AddLetterDrafts1796293415588'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "letters" ADD "language" character varying(5) NOT NULL DEFAULT 'en'`);
        await queryRunner.query(`ALTER TABLE "letters" ADD "status" character varying(10) NOT NULL DEFAULT 'draft'`);
        await queryRunner.query(`ALTER TABLE "letters" ADD "recipient_name" text NOT NULL DEFAULT ''`);
        await queryRunner.query(`ALTER TABLE "letters" ADD "postal_address" text`);
        await queryRunner.query(`ALTER TABLE "letters" ADD "message" text`);
        await queryRunner.query(`ALTER TABLE "letters" ADD "approved_by" uuid`);
        await queryRunner.query(`ALTER TABLE "letters" ADD "approved_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "letters" ADD "delivery" character varying(10)`);
        // Letters made before drafts existed were made and emailed at once: sent, or failed to send.
        await queryRunner.query(`UPDATE "letters" SET "status" = CASE WHEN "sent_at" IS NOT NULL THEN 'sent' ELSE 'failed' END, "delivery" = CASE WHEN "sent_at" IS NOT NULL THEN 'email' END, "approved_at" = "created_at", "approved_by" = "created_by"`);
        await queryRunner.query(`UPDATE "letters" l SET "recipient_name" = p."name", "postal_address" = p."postal_address" FROM "complaints" c JOIN "complainants" p ON p."id" = c."complainant_id" WHERE c."id" = l."complaint_id"`);
        await queryRunner.query(`ALTER TABLE "letters" DROP CONSTRAINT "FK_724dec78de90e0f12fe518cd312"`);
        await queryRunner.query(`ALTER TABLE "letters" ALTER COLUMN "created_by" DROP NOT NULL`);
        await queryRunner.query(`CREATE INDEX "letters_sending_idx" ON "letters"  ("approved_at") WHERE status = 'sending'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "letters_one_acknowledgement_key" ON "letters"  ("complaint_id") WHERE kind = 'acknowledgement' AND created_by IS NULL`);
        await queryRunner.query(`ALTER TABLE "letters" ADD CONSTRAINT "letters_delivery_check" CHECK (delivery IS NULL OR delivery IN ('email', 'post'))`);
        await queryRunner.query(`ALTER TABLE "letters" ADD CONSTRAINT "letters_status_check" CHECK (status IN ('draft', 'sending', 'sent', 'failed'))`);
        await queryRunner.query(`ALTER TABLE "letters" ADD CONSTRAINT "FK_724dec78de90e0f12fe518cd312" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "letters" DROP CONSTRAINT "FK_724dec78de90e0f12fe518cd312"`);
        await queryRunner.query(`ALTER TABLE "letters" DROP CONSTRAINT "letters_status_check"`);
        await queryRunner.query(`ALTER TABLE "letters" DROP CONSTRAINT "letters_delivery_check"`);
        await queryRunner.query(`DROP INDEX "public"."letters_one_acknowledgement_key"`);
        await queryRunner.query(`DROP INDEX "public"."letters_sending_idx"`);
        await queryRunner.query(`ALTER TABLE "letters" ALTER COLUMN "created_by" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "letters" ADD CONSTRAINT "FK_724dec78de90e0f12fe518cd312" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "letters" DROP COLUMN "delivery"`);
        await queryRunner.query(`ALTER TABLE "letters" DROP COLUMN "approved_at"`);
        await queryRunner.query(`ALTER TABLE "letters" DROP COLUMN "approved_by"`);
        await queryRunner.query(`ALTER TABLE "letters" DROP COLUMN "message"`);
        await queryRunner.query(`ALTER TABLE "letters" DROP COLUMN "postal_address"`);
        await queryRunner.query(`ALTER TABLE "letters" DROP COLUMN "recipient_name"`);
        await queryRunner.query(`ALTER TABLE "letters" DROP COLUMN "status"`);
        await queryRunner.query(`ALTER TABLE "letters" DROP COLUMN "language"`);
    }

}
