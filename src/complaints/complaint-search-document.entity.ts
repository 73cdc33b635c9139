import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Complaint } from './complaint.entity.js';

/**
 * A complaint's words as the queue's search reads them, computed once. The text is fixed after intake (only erasure
 * replaces it), while the case's status, category and due date change at every step; as a GIN index on an expression
 * of complaints, every one of those updates made Postgres compute to_tsvector over the whole complaint again
 * (0.17 ms a complaint an update). Kept apart, an update of the case leaves the document alone.
 */
@Entity('complaint_search_documents')
// The queue's full-text search: a GIN index the migration creates and TypeORM must leave alone.
@Index('complaint_search_documents_document_idx', { synchronize: false })
export class ComplaintSearchDocument {
  @PrimaryColumn('uuid')
  complaintId: string;

  @OneToOne(() => Complaint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'complaint_id' })
  complaint?: Complaint;

  @Column('tsvector')
  document: string;
}
