import { Input } from '@nutui/nutui-react-taro';

/** 您的姓名: how the household pages ask a newcomer's name (as the household's records keep it, ≤ 50). */
export function NameInput({
  value,
  onChange,
}: {
  value: string;
  onChange: (name: string) => void;
}) {
  return (
    <Input
      className="household__input"
      value={value}
      onChange={onChange}
      placeholder="您的姓名"
      maxLength={50}
    />
  );
}
