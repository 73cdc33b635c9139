import { Injectable, ValidationPipe, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { CreateComplaintDto } from './create-complaint.dto.js';
import { compileComplaintSchema } from './create-complaint.schema.js';

/**
 * The body of POST /api/complaints: a good complaint passes the compiled schema and goes on as parsed (no
 * class-transformer instances, no decorator walk); anything the schema refuses goes to the same ValidationPipe every
 * other route uses, so a bad complaint gets exactly the 400 it always got, naming the field.
 */
@Injectable()
export class ComplaintBodyPipe implements PipeTransform<unknown, Promise<CreateComplaintDto>> {
  private readonly fastCheck = compileComplaintSchema();
  private readonly slowPath = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<CreateComplaintDto> {
    if (this.fastCheck(value)) return value as CreateComplaintDto;
    return this.slowPath.transform(value, { ...metadata, metatype: CreateComplaintDto }) as Promise<CreateComplaintDto>;
  }
}
