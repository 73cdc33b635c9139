import { CreateSchema1795617660209 } from './1795617660209-CreateSchema.js';
import { AddCaseWork1795618884961 } from './1795618884961-AddCaseWork.js';
import { ProtectCaseEvents1795618899053 } from './1795618899053-ProtectCaseEvents.js';
import { AddCaseEventTypeIndex1795619061700 } from './1795619061700-AddCaseEventTypeIndex.js';
import { AddCaseEventQueue1795622202795 } from './1795622202795-AddCaseEventQueue.js';
import { FireCaseLogTriggersAlways1796285325527 } from './1796285325527-FireCaseLogTriggersAlways.js';
import { AddStatistics1796285491727 } from './1796285491727-AddStatistics.js';
import { AddStatisticsByMonth1796287186689 } from './1796287186689-AddStatisticsByMonth.js';
import { AddCaseLogCheckpoints1796289385924 } from './1796289385924-AddCaseLogCheckpoints.js';
import { AddTriageReview1796290000000 } from './1796290000000-AddTriageReview.js';
import { AddSessionsAndIdempotencyHash1796290579837 } from './1796290579837-AddSessionsAndIdempotencyHash.js';
import { AddCaseNotes1796292194556 } from './1796292194556-AddCaseNotes.js';
import { AddLetterDrafts1796293415588 } from './1796293415588-AddLetterDrafts.js';
import { AddQueueSearch1796300000000 } from './1796300000000-AddQueueSearch.js';
import { AddComplainantAccess1796300100000 } from './1796300100000-AddComplainantAccess.js';
import { AddCaseTextKeys1796300200000 } from './1796300200000-AddCaseTextKeys.js';
import { AddEvidence1796300300000 } from './1796300300000-AddEvidence.js';
import { AddPersonalDataErasure1796300400000 } from './1796300400000-AddPersonalDataErasure.js';
import { AddRetention1796300500000 } from './1796300500000-AddRetention.js';
import { AddOfficeHolderName1796300600000 } from './1796300600000-AddOfficeHolderName.js';
import { BoundRepetitionLookUp1796300700000 } from './1796300700000-BoundRepetitionLookUp.js';
import { QueueOrderIndexes1796306000000 } from './1796306000000-QueueOrderIndexes.js';
import { StoreAnalysisAsText1796307000000 } from './1796307000000-StoreAnalysisAsText.js';
import { MoveComplaintSearchDocument1796308000000 } from './1796308000000-MoveComplaintSearchDocument.js';
import { DropIndexesTheUniqueKeysCover1796309000000 } from './1796309000000-DropIndexesTheUniqueKeysCover.js';

// Every migration, in order. A spec checks that no file in this folder is missing from the list.
export const MIGRATIONS: Function[] = [
  CreateSchema1795617660209,
  AddCaseWork1795618884961,
  ProtectCaseEvents1795618899053,
  AddCaseEventTypeIndex1795619061700,
  AddCaseEventQueue1795622202795,
  FireCaseLogTriggersAlways1796285325527,
  AddStatistics1796285491727,
  AddStatisticsByMonth1796287186689,
  AddCaseLogCheckpoints1796289385924,
  AddTriageReview1796290000000,
  AddSessionsAndIdempotencyHash1796290579837,
  AddCaseNotes1796292194556,
  AddLetterDrafts1796293415588,
  AddQueueSearch1796300000000,
  AddComplainantAccess1796300100000,
  AddCaseTextKeys1796300200000,
  AddEvidence1796300300000,
  AddPersonalDataErasure1796300400000,
  AddRetention1796300500000,
  AddOfficeHolderName1796300600000,
  BoundRepetitionLookUp1796300700000,
  QueueOrderIndexes1796306000000,
  StoreAnalysisAsText1796307000000,
  MoveComplaintSearchDocument1796308000000,
  DropIndexesTheUniqueKeysCover1796309000000,
];
