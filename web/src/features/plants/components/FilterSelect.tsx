/** One filter of the plant list: a labelled select whose first option means "any". */
export function FilterSelect({
  id,
  name,
  labelText,
  value,
  options,
  onChange,
  anyText,
}: {
  id: string;
  name: string;
  labelText: string;
  value: string;
  options: { value: string; text: string }[];
  onChange: (v: string) => void;
  anyText: string;
}) {
  return (
    <div className="field filter">
      <label htmlFor={id}>{labelText}</label>
      <select id={id} name={name} data-testid={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{anyText}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}
