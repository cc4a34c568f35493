export default function OrgPage() {
  return <div>OrgPage</div>;
}
