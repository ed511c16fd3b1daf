/** RDS instances are not publicly accessible (no public DNS/IP endpoint). */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { phiScope, unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'rds-not-publicly-accessible',
  provider: 'aws',
  title: 'RDS instances are not publicly accessible',
  severity: 'high',
  resourceType: 'AWS::RDS::DBInstance',
  citations: ['164.312(e)(1)', '164.308(a)(3)(i)', '164.308(a)(4)(i)'],
  risk: 'A publicly accessible instance resolves to a public IP: one security-group mistake exposes the database login to the internet.',
  remediation: {
    text: 'RDS console → instance → Modify → Connectivity → Additional configuration → Not publicly accessible; reach it through a VPN, bastion or VPC endpoint.',
    cli: 'aws rds modify-db-instance --db-instance-identifier DB --no-publicly-accessible --apply-immediately',
    terraform: 'resource "aws_db_instance" "ehr" {\n  # …\n  publicly_accessible = false\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::RDS::DBInstance').map((d) => {
      // DescribeDBInstances always answers it: absent means the item was not read in full.
      if (typeof d.configuration.publiclyAccessible !== 'boolean')
        return unreadable(check, snapshot, d, 'rds', 'publiclyAccessible');
      const open = d.configuration.publiclyAccessible === true;
      const scope = phiScope(snapshot, d, 'rds');
      const evidence = { publiclyAccessible: open, phi: scope.phi === true ? scope.source : false };
      return open
        ? result(
            check,
            d,
            'fail',
            `Instance is publicly accessible${scope.phi === true ? ' and holds PHI' : ''}`,
            evidence,
          )
        : result(check, d, 'pass', 'Instance is not publicly accessible', evidence);
    });
  },
};
