import { ApproachTabs } from '../approach/ApproachTabs';

export default function PrincipleListPage() {
  return <ApproachTabs />;
}
