import { MigrationInterface, QueryRunner } from "typeorm";

export class AddRetention1796300500000 implements MigrationInterface {
    name = 'AddRetention1796300500000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "office_holder_terms" ("id" uuid NOT NULL, "subject_role" character varying(20) NOT NULL, "ended_on" date NOT NULL, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "office_holder_terms_role_check" CHECK (subject_role IN ('pcc', 'deputy_pcc', 'mayor')), CONSTRAINT "PK_016ef80426ce34c12c39349f7fd" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "office_holder_terms_role_end_key" ON "office_holder_terms"  ("subject_role", "ended_on") `);
        await queryRunner.query(`ALTER TABLE "office_holder_terms" ADD CONSTRAINT "FK_82db91ea930fddfcb2397b5e9a5" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "office_holder_terms" DROP CONSTRAINT "FK_82db91ea930fddfcb2397b5e9a5"`);
        await queryRunner.query(`DROP INDEX "public"."office_holder_terms_role_end_key"`);
        await queryRunner.query(`DROP TABLE "office_holder_terms"`);
    }

}
