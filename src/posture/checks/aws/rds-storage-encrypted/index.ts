/** RDS DB instances encrypt storage at rest (and so their snapshots, backups and replicas). */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'rds-storage-encrypted',
  provider: 'aws',
  title: 'RDS instances have storage encryption',
  severity: 'high',
  resourceType: 'AWS::RDS::DBInstance',
  citations: ['164.312(a)(2)(iv)', '164.308(a)(1)(ii)(B)'],
  risk: 'An unencrypted database stores ePHI, its automated backups and snapshots in the clear; encryption cannot be switched on in place.',
  remediation: {
    text: 'Encryption is set at creation: snapshot the instance, copy the snapshot with a KMS key, restore from the encrypted copy and cut over.',
    cli: 'aws rds create-db-snapshot --db-instance-identifier DB --db-snapshot-identifier DB-pre && aws rds copy-db-snapshot --source-db-snapshot-identifier DB-pre --target-db-snapshot-identifier DB-enc --kms-key-id KEY_ARN && aws rds restore-db-instance-from-db-snapshot --db-instance-identifier DB-new --db-snapshot-identifier DB-enc',
    terraform:
      'resource "aws_db_instance" "ehr" {\n  # …\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.phi.arn\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::RDS::DBInstance').map((d) => {
      // DescribeDBInstances always answers it: absent means the item was not read in full.
      if (typeof d.configuration.storageEncrypted !== 'boolean')
        return unreadable(check, snapshot, d, 'rds', 'storageEncrypted');
      const encrypted = d.configuration.storageEncrypted === true;
      const evidence = { storageEncrypted: encrypted, kmsKeyId: d.configuration.kmsKeyId ?? null };
      return encrypted
        ? result(check, d, 'pass', 'Storage is encrypted', evidence)
        : result(check, d, 'fail', 'Storage is not encrypted', evidence);
    });
  },
};
