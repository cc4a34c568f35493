export default function AuditPage() {
  return <div>AuditPage</div>;
}
