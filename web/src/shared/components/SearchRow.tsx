export interface SearchRowProps {
  /** Used for the input's id, name and test id; the button is `${name}-submit`. */
  name: string;
  label: string;
  placeholder: string;
  button: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
}

/** The text box and submit button at the top of a search form (the form itself is the caller's). */
export function SearchRow({ name, label, placeholder, button, value, onChange, maxLength }: SearchRowProps) {
  return (
    <div className="search-row">
      <div className="field grow">
        <label htmlFor={name}>{label}</label>
        <input
          id={name}
          name={name}
          data-testid={name}
          type="search"
          value={value}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="off"
          enterKeyHint="search"
          maxLength={maxLength}
        />
      </div>
      <button type="submit" className="btn btn-primary" name={`${name}-submit`}>
        {button}
      </button>
    </div>
  );
}
