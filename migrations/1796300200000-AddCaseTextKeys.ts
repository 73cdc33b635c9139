import { MigrationInterface, QueryRunner } from "typeorm";

export class AddCaseTextKeys1796300200000 implements MigrationInterface {
    name = 'AddCaseTextKeys1796300200000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "case_text_keys" ("complaint_id" uuid NOT NULL, "key" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a948a8974485334ae80f129923d" PRIMARY KEY ("complaint_id"))`);
        await queryRunner.query(`ALTER TABLE "case_text_keys" ADD CONSTRAINT "FK_a948a8974485334ae80f129923d" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "case_text_keys" DROP CONSTRAINT "FK_a948a8974485334ae80f129923d"`);
        await queryRunner.query(`DROP TABLE "case_text_keys"`);
    }

}
