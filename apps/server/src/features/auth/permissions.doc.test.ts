import fs from 'node:fs';
import path from 'node:path';
import { can } from '@rapport/contracts';
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
});
