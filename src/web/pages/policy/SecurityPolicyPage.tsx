export default function SecurityPolicyPage() {
  return <div>SecurityPolicyPage</div>;
}
