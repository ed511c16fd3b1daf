/**
 * Pure network reasoning over EC2 describe shapes: which route table governs a subnet and whether
 * that makes the subnet public, and the AWS Config spelling of security-group rules.
 *
 * A subnet uses the route table explicitly associated with it, otherwise its VPC's main route
 * table (Amazon VPC User Guide, "Configure route tables": "Subnet route tables"). It is *public*
 * when that table routes a default destination (0.0.0.0/0 or ::/0) to an internet gateway
 * (`igw-…`) — the VPC User Guide's definition of a public subnet.
 */
import type { IpPermission, RouteTable, Subnet } from '@aws-sdk/client-ec2';

export interface SubnetRouting {
  routeTableId: string;
  public: boolean;
}

const DEFAULT_ROUTES = new Set(['0.0.0.0/0', '::/0']);

/** Whether a route table sends a default route to an internet gateway. */
export function routesToInternet(table: RouteTable): boolean {
  return (table.Routes ?? []).some(
    (r) =>
      (r.GatewayId?.startsWith('igw-') ?? false) &&
      (DEFAULT_ROUTES.has(r.DestinationCidrBlock ?? '') ||
        DEFAULT_ROUTES.has(r.DestinationIpv6CidrBlock ?? '')),
  );
}

/** The governing route table and publicity of every subnet a table can be found for. */
export function subnetRouting(
  subnets: readonly Subnet[],
  tables: readonly RouteTable[],
): Map<string, SubnetRouting> {
  const explicit = new Map<string, RouteTable>();
  const main = new Map<string, RouteTable>();
  for (const t of tables) {
    for (const a of t.Associations ?? []) {
      if (a.Main && t.VpcId) main.set(t.VpcId, t);
      else if (a.SubnetId) explicit.set(a.SubnetId, t);
    }
  }
  const out = new Map<string, SubnetRouting>();
  for (const s of subnets) {
    if (!s.SubnetId) continue;
    const table = explicit.get(s.SubnetId) ?? (s.VpcId ? main.get(s.VpcId) : undefined);
    if (table?.RouteTableId)
      out.set(s.SubnetId, { routeTableId: table.RouteTableId, public: routesToInternet(table) });
  }
  return out;
}

/**
 * Security-group rules as AWS Config items spell them: `ipv4Ranges: [{cidrIp, description}]`
 * next to `ipRanges: ["0.0.0.0/0"]` (plain CIDR strings), per the AWS::EC2::SecurityGroup
 * properties of awslabs/aws-config-resource-schema. The API itself says `IpRanges: [{CidrIp}]`.
 */
export function configPermissions(
  perms: readonly IpPermission[] | undefined,
  shape: (v: object) => Record<string, unknown>,
): Record<string, unknown>[] {
  return (perms ?? []).map((p) => {
    const out = shape(p);
    out.ipv4Ranges = (p.IpRanges ?? []).map((r) => shape(r));
    out.ipRanges = (p.IpRanges ?? []).flatMap((r) => (r.CidrIp ? [r.CidrIp] : []));
    return out;
  });
}
