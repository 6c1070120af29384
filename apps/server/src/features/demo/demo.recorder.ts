import {
  ColumnNode,
  InsertQueryNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  TableNode,
  type UnknownRow,
  ValueListNode,
  ValueNode,
  ValuesNode,
} from 'kysely';

export interface RecordedRow {
  entity: string;
  id: string;
}

/**
 * Notes the table and id of every row inserted through it, in order, so the demo loader can mark exactly the rows
 * it wrote as demo data (`demo_records`), whichever service wrote them. It reads the query, never changes it.
 * Rows written without an `id` column (tags, memberships) belong to a recorded row and go with it.
 */
export class InsertRecorder implements KyselyPlugin {
  readonly rows: RecordedRow[] = [];

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (InsertQueryNode.is(node) && node.into && TableNode.is(node.into) && node.columns && node.values) {
      const entity = node.into.table.identifier.name;
      const idAt = node.columns.findIndex((column) => ColumnNode.is(column) && column.column.name === 'id');
      if (idAt >= 0 && ValuesNode.is(node.values)) {
        for (const list of node.values.values) {
          const value = PrimitiveValueListNode.is(list)
            ? list.values[idAt]
            : ValueListNode.is(list) && list.values[idAt] && ValueNode.is(list.values[idAt])
              ? (list.values[idAt] as ValueNode).value
              : undefined;
          if (typeof value === 'string') this.rows.push({ entity, id: value });
        }
      }
    }
    return node;
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}
