import { ApproachTabs } from '../approach/ApproachTabs';

export default function PrincipleDetailPage() {
  return <ApproachTabs />;
}
