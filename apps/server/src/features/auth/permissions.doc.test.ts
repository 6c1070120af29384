import fs from 'node:fs';
import path from 'node:path';
import { can, recordRules } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { permissionsMarkdown } from './permissions.doc.js';

describe('docs/permissions.md', () => {
  it('is the permission table the API enforces', () => {
    const file = path.resolve(import.meta.dirname, '../../../../../docs/permissions.md');
    expect(fs.readFileSync(file, 'utf8')).toBe(permissionsMarkdown());
  });

  it('gives a viewer read-only access and keeps user management to administrators', () => {
    expect(can('viewer', 'stakeholders.read')).toBe(true);
    expect(can('viewer', 'stakeholders.write')).toBe(false);
    expect(can('relationship_manager', 'users.manage')).toBe(false);
    expect(can('administrator', 'users.manage')).toBe(true);
  });

  it('states the rules about records beside the table: assignment, authorship, confidentiality, audience', () => {
    const markdown = permissionsMarkdown();
    expect(recordRules.map((section) => section.topic).sort()).toEqual([
      'Assignment',
      'Audience',
      'Authorship',
      'Confidentiality',
    ]);
    for (const { topic, rules } of recordRules) {
      expect(markdown).toContain(`### ${topic}`);
      for (const rule of rules) expect(markdown).toContain(`- ${rule}`);
    }
    // Assigning and overriding health are permissions of their own, for administrators and managers only.
    for (const permission of ['relationships.assign', 'relationships.health'] as const) {
      expect(markdown).toContain(`\`${permission}\``);
      expect(can('relationship_manager', permission)).toBe(true);
      expect(can('relationship_agent', permission)).toBe(false);
      expect(can('contributor', permission)).toBe(false);
    }
  });
});
