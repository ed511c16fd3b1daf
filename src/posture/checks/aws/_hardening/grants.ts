/**
 * What an IAM identity policy document grants, asked the way the anchor rules ask it: "does this
 * policy allow these actions on all of these resources?" (AWS Config's
 * IAM_*_POLICY_BLOCKED_KMS_ACTIONS and IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS, Prowler's
 * administrative-privilege and marketplace-subscribe checks).
 *
 * The question is put as probes: concrete actions (`kms:Decrypt`) or "any action/resource" stand-ins
 * from `anyValueProbes` (`arn:aws:kms:{}:111122223333:key/{}`). A policy grants the set when one
 * Allow statement applies to every action probe on every resource probe and no unconditional Deny
 * takes all of them back. A statement applies when its Action matches (or its NotAction does not)
 * and likewise for Resource/NotResource, wildcards evaluated (glob.ts).
 *
 * As AWS Config documents for these rules, an Allow's Condition is not evaluated: a conditioned
 * grant still counts, and the statement is reported with `conditional: true`. A Deny with a
 * Condition may not apply, so only unconditional Denies cancel. Boundaries, SCPs and resource
 * policies are outside one document and not considered.
 */
import { type Statement, statements } from '../_shared/policy.js';
import { actionMatches, globMatch } from './glob.js';

type Stmt = Statement & { NotAction?: unknown; NotResource?: unknown };

const strings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');

/** Whether a statement covers one action on one resource (Condition not considered). */
export function statementApplies(s: Stmt, action: string, resource: string): boolean {
  const actionOk =
    s.Action !== undefined
      ? strings(s.Action).some((p) => actionMatches(p, action))
      : s.NotAction !== undefined && !strings(s.NotAction).some((p) => actionMatches(p, action));
  if (!actionOk) return false;
  if (s.Resource !== undefined) return strings(s.Resource).some((p) => globMatch(p, resource));
  return s.NotResource !== undefined && !strings(s.NotResource).some((p) => globMatch(p, resource));
}

/** A statement that grants the probed set. */
export interface Grant {
  sid: string | null;
  /** Its position in the document (0-based), for statements without a Sid. */
  index: number;
  action: unknown;
  resource: unknown;
  conditional: boolean;
}

/** The answer for one document: `undefined` when the document could not be parsed. */
export interface GrantAnswer {
  granted: boolean;
  grants: Grant[];
  /** An unconditional Deny in the same document takes the grant back. */
  deniedBy: number[];
}

function appliesToAll(s: Stmt, actions: readonly string[], resources: readonly string[]): boolean {
  return actions.every((a) => resources.every((r) => statementApplies(s, a, r)));
}

/** Whether `doc` allows every one of `actions` on every one of `resources` (probes). */
export function grantsAll(
  doc: unknown,
  actions: readonly string[],
  resources: readonly string[],
): GrantAnswer | undefined {
  const list = statements(doc);
  if (list === undefined) return undefined;
  const grants: Grant[] = [];
  const deniedBy: number[] = [];
  (list as Stmt[]).forEach((s, index) => {
    if (!appliesToAll(s, actions, resources)) return;
    if (s.Effect === 'Allow') {
      grants.push({
        sid: typeof s.Sid === 'string' ? s.Sid : null,
        index,
        action: s.Action ?? { NotAction: s.NotAction },
        resource: s.Resource ?? { NotResource: s.NotResource },
        conditional: s.Condition !== undefined,
      });
    } else if (s.Effect === 'Deny' && s.Condition === undefined) {
      deniedBy.push(index);
    }
  });
  return { granted: grants.length > 0 && deniedBy.length === 0, grants, deniedBy };
}

/** Whether a statement's Action (or NotAction) side covers every one of `actions`, whatever its Resource. */
export function actionSideCovers(s: Stmt, actions: readonly string[]): boolean {
  if (s.Action !== undefined) return actions.every((a) => strings(s.Action).some((p) => actionMatches(p, a)));
  return (
    s.NotAction !== undefined && actions.every((a) => !strings(s.NotAction).some((p) => actionMatches(p, a)))
  );
}
