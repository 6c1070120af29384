import { Table, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  field: string;
  sort: string;
  onSort: (sort: string) => void;
  children: ReactNode;
}

/** A column header that sorts by its field; a second click reverses the order. */
export function SortableHeader({ field, sort, onSort, children }: Props) {
  const ascending = sort === field;
  const descending = sort === `-${field}`;
  const arrow = ascending ? ' ▲' : descending ? ' ▼' : '';
  return (
    <Table.Th aria-sort={ascending ? 'ascending' : descending ? 'descending' : 'none'}>
      <UnstyledButton
        fw={600}
        fz="sm"
        onClick={() => onSort(ascending ? `-${field}` : field)}
        style={{ whiteSpace: 'nowrap' }}
      >
        {children}
        <span aria-hidden="true">{arrow}</span>
      </UnstyledButton>
    </Table.Th>
  );
}
