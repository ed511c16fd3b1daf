/**
 * VEX applied to matches: a statement whose vulnerability (or alias) names the finding's
 * advisory or one of its aliases, and whose product denotes the component, decides its status.
 * `not_affected` and `fixed` take the finding out of the open list — kept, with the statement as
 * evidence — `affected` and `under_investigation` leave it open. Pure: no I/O.
 */

import { purlHasVersion, purlWithoutQualifiers, versionlessPurl } from '../core/purl-text.js';
import type { VexProduct, VexStatement, VexStatus } from '../feeds/vex/types.js';

export interface VexDecision {
  status: VexStatus;
  justification: string | null;
  impactStatement: string | null;
  /** Responses as written (`will_not_fix`, `no_fix_planned`, `update`, …). */
  response: string[];
  /** Where the deciding statement is: file, format and JSON pointer. */
  source: VexStatement['source'];
}

/** Does a VEX product denote the component? A versionless purl covers every version. */
function denotes(product: VexProduct, component: { purl: string; ref?: string | undefined }): boolean {
  if (product.subcomponents?.length) return product.subcomponents.some((s) => denotes(s, component));
  if (product.purl) {
    const p = purlWithoutQualifiers(product.purl);
    return (
      p === purlWithoutQualifiers(component.purl) ||
      (!purlHasVersion(p) && p === versionlessPurl(component.purl))
    );
  }
  if (product.bomRef && component.ref)
    return product.bomRef === component.ref || product.bomRef.endsWith(`#${component.ref}`);
  return false;
}

/**
 * Index statements for lookup. When several statements decide the same finding, the latest wins
 * (OpenVEX: later statements supersede earlier ones), then the one later in the input.
 */
export function vexIndex(statements: readonly VexStatement[]) {
  const byId = new Map<string, { st: VexStatement; order: number }[]>();
  statements.forEach((st, order) => {
    for (const id of [st.vulnerability, ...st.aliases]) {
      const list = byId.get(id);
      if (list) list.push({ st, order });
      else byId.set(id, [{ st, order }]);
    }
  });
  return {
    /** The deciding statement for a component and the advisory's ids, if any. */
    decide(
      component: { purl: string; ref?: string | undefined },
      ids: readonly string[],
    ): VexDecision | undefined {
      let best: { st: VexStatement; order: number } | undefined;
      for (const id of ids) {
        for (const cand of byId.get(id) ?? []) {
          if (!cand.st.products.some((p) => denotes(p, component))) continue;
          if (!best || later(cand, best)) best = cand;
        }
      }
      if (!best) return undefined;
      const st = best.st;
      return {
        status: st.status,
        justification: st.justification ?? null,
        impactStatement: st.impactStatement ?? null,
        response: st.response ?? [],
        source: st.source,
      };
    },
  };
}

function later(a: { st: VexStatement; order: number }, b: { st: VexStatement; order: number }): boolean {
  const ta = a.st.timestamp ? Date.parse(a.st.timestamp) : Number.NaN;
  const tb = b.st.timestamp ? Date.parse(b.st.timestamp) : Number.NaN;
  if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta > tb;
  return a.order > b.order;
}

/** Statuses that close a finding: the supplier says the component is not (or no longer) affected. */
export function suppresses(status: VexStatus): boolean {
  return status === 'not_affected' || status === 'fixed';
}

export type FixState =
  | 'fix-available'
  | 'no-fix-published'
  | 'wont-fix'
  | 'not-affected'
  | 'fixed'
  | 'under-investigation';

/**
 * The fix state kept on a finding (never used to filter it out): from the supplier's VEX when
 * there is one, else from whether the advisory publishes a fix.
 */
export function fixState(fixed: string | null, vex: VexDecision | undefined): FixState {
  if (vex?.status === 'not_affected') return 'not-affected';
  if (vex?.status === 'fixed') return 'fixed';
  if (vex?.response.some((r) => r === 'will_not_fix' || r === 'no_fix_planned')) return 'wont-fix';
  if (vex?.status === 'under_investigation') return 'under-investigation';
  return fixed === null ? 'no-fix-published' : 'fix-available';
}
