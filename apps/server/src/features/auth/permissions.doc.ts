import { permissions, permissionTable, recordRules, roles } from '@rapport/contracts';

/** docs/permissions.md, generated from the one permission table so the two never disagree. */
export function permissionsMarkdown(): string {
  const header = `| permission | what it allows | ${roles.join(' | ')} |`;
  const rule = `|---|---|${roles.map(() => ':-:').join('|')}|`;
  const rows = permissions.map((permission) => {
    const { description, roles: allowed } = permissionTable[permission];
    const cells = roles.map((role) => ((allowed as readonly string[]).includes(role) ? '✓' : ''));
    return `| \`${permission}\` | ${description} | ${cells.join(' | ')} |`;
  });
  return [
    '# Permissions',
    '',
    'What each role may do. This page is generated from `packages/contracts/src/permissions.ts`, the one',
    'table the API enforces (every service method opens with `requirePermission`) and the web app reads',
    '(`GET /api/v1/me` lists the signed-in user’s permissions). Regenerate it with',
    '`npx rapport docs permissions > docs/permissions.md`; a test fails when it is out of date.',
    '',
    header,
    rule,
    ...rows,
    '',
    'API tokens act with the role of the user who created them. A deactivated user’s sessions end and their',
    'tokens stop working. Rapport always keeps at least one active administrator.',
    '',
    '## Rules about records',
    '',
    'The table says what a role may do at all; these rules say what one person may do to one record. They come',
    'from `packages/contracts/src/access.ts`, which every service, list and export decides with (and the web app',
    'hides what they refuse). They apply on top of the permission named.',
    '',
    ...recordRules.flatMap(({ topic, rules }) => [
      `### ${topic}`,
      '',
      ...rules.map((rule) => `- ${rule}`),
      '',
    ]),
  ].join('\n');
}
