/**
 * Evidence intake: pure functions that turn a source's text into reviewable
 * proposals. Nothing here writes to a store. See README.md in this folder.
 */
export { proposeFromText, MIN_PROPOSAL_CONFIDENCE, type IntakeOptions, type IntakeResult, type RelationshipProposal } from './proposals';
export { proposeNewActors, MIN_NEW_ACTOR_OCCURRENCES, MAX_NEW_ACTOR_PROPOSALS, type ActorProposal } from './new-actors';
export { buildActorMatcher, type ActorMatcher, type Mention, type MentionVia } from './mentions';
export { splitSentences, excerptRange, type Sentence } from './sentences';
export { decodeUpload, formatFromFilename, MAX_UPLOAD_BYTES, UPLOAD_EXTENSIONS, type DecodedUpload, type TextFormat } from './text';
export { htmlToText } from './html';
export { CUES, type CueRule, type CueForm } from './cues';
