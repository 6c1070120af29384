import { ApproachTabs } from '../approach/ApproachTabs';

export default function OrgUnitsPage() {
  return <ApproachTabs />;
}
