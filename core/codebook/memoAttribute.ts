import { MEMO_ATTRIBUTE } from '../reader/readerTypes';
import type { AttributeDefinition, DefinitionLocation } from './types';

/** What the codebook says of a passage's memo when a code does not describe it itself. */
export const MEMO_DESCRIPTION = 'A note on the passage: why it was coded so, a question for the team.';

/**
 * The `memo` attribute of a code that does not define it: free text, one
 * value, optional. Every code takes it, so that validation, completion and
 * hover know it without each codebook listing it. Its location is the code's
 * (go to definition lands on the code that takes it).
 */
export function universalMemoAttribute(location: DefinitionLocation): AttributeDefinition {
  return { name: MEMO_ATTRIBUTE, description: MEMO_DESCRIPTION, required: false, values: undefined, multiple: false, location };
}

/**
 * A code's attributes with `memo` added when the codebook leaves it out. A
 * code may define `memo` itself (to describe it, or to require it): the
 * schema keeps that definition free text, so it is used as written.
 */
export function withMemoAttribute(attributes: Map<string, AttributeDefinition>, codeLocation: DefinitionLocation): Map<string, AttributeDefinition> {
  if (!attributes.has(MEMO_ATTRIBUTE)) attributes.set(MEMO_ATTRIBUTE, universalMemoAttribute(codeLocation));
  return attributes;
}
