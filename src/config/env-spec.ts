/**
 * The environment variables nextke reads: name, default, accepted form and whether the value is
 * secret. The README's configuration table lists the same variables.
 */

export interface EnvVariableSpec {
  name: string;
  /** What the value sets, for help text and the README. */
  description: string;
  /** The accepted form, shown in the error when a value is invalid. */
  acceptedForm: string;
  defaultValue?: string;
  isSecret?: boolean;
}

export const ENV_VARIABLES: readonly EnvVariableSpec[] = [
  {
    name: 'DATABASE_URL',
    description: 'PostgreSQL connection string; absent, nextke uses the embedded store',
    // Written without brackets: error output masks URL passwords, and a bracketed optional
    // part such as `USER[:PASSWORD]@` would be masked into `USER[:***@`.
    acceptedForm: 'postgres://USER:PASSWORD@HOST:PORT/DATABASE (password optional, port 5432 by default)',
    isSecret: true,
  },
  { name: 'POSTGRES_HOST', description: 'server host, used when DATABASE_URL is absent', acceptedForm: 'a host name or IP address' },
  { name: 'POSTGRES_PORT', description: 'server port', acceptedForm: 'an integer from 1 to 65535', defaultValue: '5432' },
  { name: 'POSTGRES_USER', description: 'user name', acceptedForm: 'a PostgreSQL role name', defaultValue: 'postgres' },
  { name: 'POSTGRES_PASSWORD', description: 'password', acceptedForm: 'any text', isSecret: true },
  { name: 'POSTGRES_DB', description: 'database name', acceptedForm: 'a database name', defaultValue: 'nextke' },
  {
    name: 'NEXTKE_DATA_DIR',
    description: 'folder of the embedded store (PGlite)',
    acceptedForm: 'a folder path',
    defaultValue: './.nextke',
  },
  {
    name: 'LEGACY_SQLITE_PATH',
    description: 'legacy SQLite file that `nextke migrate` reads',
    acceptedForm: 'a file path',
    defaultValue: 'db/jobs.sqlite3',
  },
  {
    name: 'LEGACY_SQLITE_TABLE',
    description: 'table of the legacy file',
    acceptedForm: 'an SQL identifier: letters, digits and _, not starting with a digit',
    defaultValue: 'jobs_data',
  },
  { name: 'JOB_RPM', description: 'requests per minute per host when scraping', acceptedForm: 'an integer from 1 to 6000', defaultValue: '60' },
  {
    name: 'NEXTKE_SITES_FILE',
    description: 'site definitions',
    acceptedForm: 'a YAML file path',
    defaultValue: 'sites.yaml (current folder, else the one shipped with nextke)',
  },
  {
    name: 'NEXTKE_CONTACT_URL',
    description: 'contact URL sent in the User-Agent header',
    acceptedForm: 'an http(s) or mailto URL',
    defaultValue: 'https://github.com/nextke/nextke',
  },
  {
    name: 'WORKFLOW_QUALITY_THRESHOLD',
    description: 'quality score at or above which a posting counts as high quality',
    acceptedForm: 'a number from 0 to 1',
    defaultValue: '0.8',
  },
  {
    name: 'WORKFLOW_LEARNING_THRESHOLD',
    description: 'postings processed since the last optimize before optimize runs again',
    acceptedForm: 'an integer of at least 0',
    defaultValue: '100',
  },
  {
    name: 'WORKFLOW_BATCH_SIZE',
    description: 'postings per processing batch',
    acceptedForm: 'an integer from 1 to 100000',
    defaultValue: '100',
  },
  {
    name: 'NEXTKE_PROCESS_WORKERS',
    description: 'worker threads that normalize postings in `nextke process`; 0 normalizes on the main thread',
    acceptedForm: 'an integer from 0 to 64',
    defaultValue: 'the number of CPUs (os.availableParallelism())',
  },
  {
    name: 'NEXTKE_SCHEDULE_WORKFLOW',
    description: 'cron expression of the daemon\'s daily workflow',
    acceptedForm: 'a cron expression of 5 fields, or 6 with seconds first',
    defaultValue: '0 2 * * *',
  },
  {
    name: 'NEXTKE_SCHEDULE_CHECK',
    description: 'cron expression of the daemon\'s site health check',
    acceptedForm: 'a cron expression of 5 fields, or 6 with seconds first',
    defaultValue: '0 */6 * * *',
  },
  {
    name: 'NEXTKE_SCHEDULE_INSIGHTS',
    description: 'cron expression of the daemon\'s insights refresh',
    acceptedForm: 'a cron expression of 5 fields, or 6 with seconds first',
    defaultValue: '0 */4 * * *',
  },
  {
    name: 'NEXTKE_SCHEDULE_TIMEZONE',
    description: 'IANA time zone the daemon\'s cron expressions are read in',
    acceptedForm: 'an IANA time zone name such as Africa/Nairobi',
    defaultValue: 'Africa/Nairobi',
  },
  {
    name: 'NEXTKE_CONFIG',
    description: 'YAML config file with a `schedule:` section for the daemon',
    acceptedForm: 'a YAML file path',
    defaultValue: 'nextke.yaml in the current folder, when it exists',
  },
  {
    name: 'NEXTKE_LOG_LEVEL',
    description: 'log level on stderr',
    acceptedForm: 'error, warn, info or debug',
    defaultValue: 'info',
  },
];

export function findEnvSpec(name: string): EnvVariableSpec {
  const spec = ENV_VARIABLES.find((candidate) => candidate.name === name);
  if (!spec) {
    throw new Error(`unknown environment variable ${name}: add it to ENV_VARIABLES`);
  }
  return spec;
}
