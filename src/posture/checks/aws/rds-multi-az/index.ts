/**
 * PHI RDS instances run Multi-AZ (a synchronous standby in another zone), so a zone failure does
 * not make ePHI unavailable. Aurora instances report `multiAZ` per instance while availability is
 * a cluster property (replicas in other zones), so they are `manual` here.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { phiScope, unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'rds-multi-az',
  provider: 'aws',
  title: 'RDS instances holding PHI are Multi-AZ',
  severity: 'medium',
  resourceType: 'AWS::RDS::DBInstance',
  citations: ['164.308(a)(7)(ii)(B)', '164.308(a)(7)(ii)(C)', '164.312(a)(2)(ii)'],
  risk: 'A single-AZ database holding PHI is unavailable during a zone outage or maintenance, impairing disaster recovery and emergency access to ePHI.',
  remediation: {
    text: 'RDS console → instance → Modify → Availability & durability → Create a standby instance → apply in the maintenance window.',
    cli: 'aws rds modify-db-instance --db-instance-identifier DB --multi-az --apply-immediately',
    terraform: 'resource "aws_db_instance" "ehr" {\n  # …\n  multi_az = true\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::RDS::DBInstance').flatMap((d) => {
      const scope = phiScope(snapshot, d, 'rds');
      if (scope.phi !== true) return [];
      const engine = String(d.configuration.engine ?? '');
      const evidence = { multiAZ: d.configuration.multiAZ ?? null, engine, phi: scope.source };
      if (typeof d.configuration.multiAZ !== 'boolean')
        return [unreadable(check, snapshot, d, 'rds', 'multiAZ')];
      if (engine.startsWith('aurora'))
        return [
          result(
            check,
            d,
            'manual',
            'Aurora: availability is set on the cluster (replicas in other zones)',
            evidence,
          ),
        ];
      return d.configuration.multiAZ === true
        ? [result(check, d, 'pass', 'Multi-AZ standby configured', evidence)]
        : [result(check, d, 'fail', 'Single-AZ instance holds PHI', evidence)];
    });
  },
};
