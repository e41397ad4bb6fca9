/** What the intake analysis of one text keeps: everything the API serves, not the sentence and mention lists it was built from. */
import type { ActorProposal } from './new-actors';
import type { IntakeResult, RelationshipProposal } from './proposals';

export interface IntakeAnalysis {
  sentenceCount: number;
  relationshipProposals: RelationshipProposal[];
  actorProposals: ActorProposal[];
}

/** A worker's answer to one job. */
export type AnalysisReply =
  | { id: number; result: IntakeAnalysis; error?: undefined }
  | { id: number; result?: undefined; error: { name: string; message: string; code?: string; problems?: unknown } };

export function toAnalysis(r: IntakeResult): IntakeAnalysis {
  return { sentenceCount: r.sentences.length, relationshipProposals: r.relationshipProposals, actorProposals: r.actorProposals };
}
