import { MigrationInterface, QueryRunner } from "typeorm";

export class AddComplainantAccess1796300100000 implements MigrationInterface {
    name = 'AddComplainantAccess1796300100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "representatives" ("id" uuid NOT NULL, "complaint_id" uuid NOT NULL, "name" text NOT NULL, "relationship" text NOT NULL, "email" text, "postal_address" text, "consent" boolean, CONSTRAINT "PK_80e9af53802d5e0376d1ae8f68c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "representatives_complaint_key" ON "representatives"  ("complaint_id") `);
        await queryRunner.query(`ALTER TABLE "complainants" ADD "adjustments" text`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD "language" character varying(2) NOT NULL DEFAULT 'en'`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD "contact_preference" character varying(10) NOT NULL DEFAULT 'email'`);
        await queryRunner.query(`ALTER TABLE "complainants" ALTER COLUMN "email" DROP NOT NULL`);
        await queryRunner.query(`ALTER TABLE "complainants" ALTER COLUMN "email_key" DROP NOT NULL`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD CONSTRAINT "complaints_contact_preference_check" CHECK (contact_preference IN ('email', 'post', 'phone'))`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD CONSTRAINT "complaints_language_check" CHECK (language IN ('en', 'cy'))`);
        await queryRunner.query(`ALTER TABLE "representatives" ADD CONSTRAINT "FK_d734f105369ac57f19199a77c1b" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    // Going down refuses (NOT NULL fails) while complainants without an email address exist: they would be lost.
    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "representatives" DROP CONSTRAINT "FK_d734f105369ac57f19199a77c1b"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "complaints_language_check"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "complaints_contact_preference_check"`);
        await queryRunner.query(`ALTER TABLE "complainants" ALTER COLUMN "email_key" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "complainants" ALTER COLUMN "email" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "contact_preference"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "language"`);
        await queryRunner.query(`ALTER TABLE "complainants" DROP COLUMN "adjustments"`);
        await queryRunner.query(`DROP INDEX "public"."representatives_complaint_key"`);
        await queryRunner.query(`DROP TABLE "representatives"`);
    }

}
