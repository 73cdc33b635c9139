import { MigrationInterface, QueryRunner } from "typeorm";

export class AddEvidence1796300300000 implements MigrationInterface {
    name = 'AddEvidence1796300300000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "evidence_files" ("id" uuid NOT NULL, "complaint_id" uuid NOT NULL, "filename" text NOT NULL, "media_type" character varying(100) NOT NULL, "size" integer NOT NULL, "sha256" character(64) NOT NULL, "scan" character varying(10) NOT NULL, "scanned_at" TIMESTAMP WITH TIME ZONE, "virus" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "evidence_files_scan_check" CHECK (scan IN ('pending', 'clean', 'infected')), CONSTRAINT "PK_f8d1a9a8e0430b749e2f4694460" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "evidence_files_pending_idx" ON "evidence_files"  ("created_at") WHERE scan = 'pending'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "evidence_files_complaint_sha256_key" ON "evidence_files"  ("complaint_id", "sha256") `);
        await queryRunner.query(`CREATE TABLE "evidence_contents" ("evidence_id" uuid NOT NULL, "content" bytea NOT NULL, CONSTRAINT "PK_68f22db70984c0b2d3231e4902c" PRIMARY KEY ("evidence_id"))`);
        await queryRunner.query(`ALTER TABLE "evidence_files" ADD CONSTRAINT "FK_4bba92d4ec04888c7bf2af2f713" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "evidence_contents" ADD CONSTRAINT "FK_68f22db70984c0b2d3231e4902c" FOREIGN KEY ("evidence_id") REFERENCES "evidence_files"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "evidence_contents" DROP CONSTRAINT "FK_68f22db70984c0b2d3231e4902c"`);
        await queryRunner.query(`ALTER TABLE "evidence_files" DROP CONSTRAINT "FK_4bba92d4ec04888c7bf2af2f713"`);
        await queryRunner.query(`DROP TABLE "evidence_contents"`);
        await queryRunner.query(`DROP INDEX "public"."evidence_files_complaint_sha256_key"`);
        await queryRunner.query(`DROP INDEX "public"."evidence_files_pending_idx"`);
        await queryRunner.query(`DROP TABLE "evidence_files"`);
    }

}
