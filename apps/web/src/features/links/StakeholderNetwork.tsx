import type { LinkType } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStakeholderNetwork } from './link.queries';
import { NetworkView } from './NetworkView';

export function StakeholderNetwork({ stakeholderId, name }: { stakeholderId: string; name: string }) {
  const { t } = useTranslation(['links']);
  const [depth, setDepth] = useState(1);
  const [types, setTypes] = useState<LinkType[]>([]);
  const query = useStakeholderNetwork(stakeholderId, depth, types);
  return (
    <NetworkView
      query={query}
      centreIds={[stakeholderId]}
      depth={depth}
      onDepth={setDepth}
      types={types}
      onTypes={setTypes}
      label={t('network.label', { name })}
    />
  );
}
