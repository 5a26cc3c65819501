// peer-role: a position of responsibility (peer mentor, classroom assistant, reading mentor).
// Class C by default: most such roles exist only in custody, so they reveal it.
import * as z from 'zod';
import { defineKind, PartialDate, ShortText, TextList } from './common.js';

/**
 * Fields of a `peer-role` entry.
 *
 * @example
 * ```ts
 * PeerRoleFieldsSchema.parse({ roleTitle: 'Reading mentor', organisation: 'Shannon Trust', from: '2025-11' });
 * ```
 */
export const PeerRoleFieldsSchema = z.strictObject({
  /** A neutral title, e.g. "Peer learning mentor". */
  roleTitle: ShortText,
  organisation: ShortText,
  from: PartialDate,
  to: PartialDate.optional(),
  responsibilities: TextList.optional(),
  trainingCompleted: TextList.optional(),
});

/**
 * The fields of a `peer-role` entry.
 *
 * @example
 * ```ts
 * const fields: PeerRoleFields = PeerRoleFieldsSchema.parse(formData);
 * ```
 */
export type PeerRoleFields = z.infer<typeof PeerRoleFieldsSchema>;

/**
 * The `peer-role` kind: Open Badges `CommunityService`, class C.
 *
 * @example
 * ```ts
 * peerRole.fields.safeParse(fields).success;
 * ```
 */
export const peerRole = /* @__PURE__ */ defineKind({
  kind: 'peer-role',
  shape: PeerRoleFieldsSchema.shape,
  achievementType: 'CommunityService',
  sensitivity: 'C',
  lifecycle: false,
  label: 'peer role',
});
