import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '../common/domain-error.js';

/** The shape of every reference we issue (PCC-XXXX-XXXX), with room for other panels' formats. */
export const REFERENCE_PATTERN = /^[A-Z0-9]{1,12}(-[A-Z0-9]{1,12}){1,4}$/;

/** A case reference from a URL: anything not shaped like one is simply not found (and never reaches SQL). */
@Injectable()
export class CaseReferencePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const reference = String(value ?? '').trim().toUpperCase();
    if (!REFERENCE_PATTERN.test(reference)) throw new DomainError('CASE.NOT_FOUND', 'No case has that reference', 404);
    return reference;
  }
}
