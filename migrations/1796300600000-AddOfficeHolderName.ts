import { MigrationInterface, QueryRunner } from "typeorm";

/** The office holder's name beside a term end, so the retention page can tell terms apart (optional). */
export class AddOfficeHolderName1796300600000 implements MigrationInterface {
    name = 'AddOfficeHolderName1796300600000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "office_holder_terms" ADD "holder_name" character varying(200)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "office_holder_terms" DROP COLUMN "holder_name"`);
    }
}
