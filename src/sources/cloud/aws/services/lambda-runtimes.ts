/**
 * Lambda runtime deprecation dates: the "Deprecation date" column of the supported and deprecated
 * runtime tables in the AWS Lambda Developer Guide, "Lambda runtimes"
 * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html, with the policy in
 * "Runtime deprecation policy", runtime-support-policy.html). After that date Lambda stops
 * patching the runtime; function create and update are blocked later still.
 *
 * The dates are AWS's forecasts for runtimes not yet deprecated and may move (python3.9 moved
 * from 2025-10-31 to 2025-12-15): refresh this table from the page when a runtime is added or a
 * date changes. Keys are `Runtime` identifiers exactly as ListFunctions reports them.
 */
export const LAMBDA_RUNTIME_DEPRECATION: Readonly<Record<string, string>> = {
  'nodejs24.x': '2028-04-30',
  'nodejs22.x': '2027-04-30',
  'nodejs20.x': '2026-04-30',
  'nodejs18.x': '2025-09-01',
  'nodejs16.x': '2024-06-12',
  'nodejs14.x': '2023-12-04',
  'nodejs12.x': '2023-03-31',
  'nodejs10.x': '2021-07-30',
  'nodejs8.10': '2020-03-06',
  'nodejs6.10': '2019-08-12',
  'nodejs4.3': '2020-03-05',
  'nodejs4.3-edge': '2020-03-05',
  nodejs: '2016-10-31',
  'python3.14': '2029-06-30',
  'python3.13': '2029-06-30',
  'python3.12': '2028-10-31',
  'python3.11': '2026-06-30',
  'python3.10': '2026-06-30',
  'python3.9': '2025-12-15',
  'python3.8': '2024-10-14',
  'python3.7': '2023-12-04',
  'python3.6': '2022-07-18',
  'python2.7': '2021-07-15',
  java25: '2029-06-30',
  java21: '2029-06-30',
  java17: '2026-06-30',
  java11: '2026-06-30',
  'java8.al2': '2026-06-30',
  java8: '2024-01-08',
  dotnet10: '2028-11-14',
  dotnet8: '2026-11-10',
  dotnet7: '2024-05-14',
  dotnet6: '2024-11-12',
  'dotnet5.0': '2022-05-10',
  'dotnetcore3.1': '2023-04-03',
  'dotnetcore2.1': '2022-01-05',
  'dotnetcore2.0': '2019-05-30',
  'dotnetcore1.0': '2019-07-27',
  'ruby3.4': '2028-03-31',
  'ruby3.3': '2027-03-31',
  'ruby3.2': '2026-03-31',
  'ruby2.7': '2023-11-27',
  'ruby2.5': '2021-07-30',
  'go1.x': '2024-01-08',
  'provided.al2023': '2029-06-30',
  'provided.al2': '2026-06-30',
  provided: '2024-01-08',
};

/** The (forecast) deprecation date of a runtime as `YYYY-MM-DD`, or undefined when not listed. */
export function runtimeDeprecationDate(runtime: string | undefined): string | undefined {
  return runtime === undefined ? undefined : LAMBDA_RUNTIME_DEPRECATION[runtime];
}
