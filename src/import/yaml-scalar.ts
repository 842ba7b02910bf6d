// Writing a string as a YAML scalar for front matter that people edit by hand:
// plain when YAML would read it back unchanged as a string, double-quoted otherwise.

/** Plain scalars YAML 1.1/1.2 (js-yaml, which gray-matter uses) would read as something else. */
const NOT_A_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|[-+]?(?:\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN)$/;
const NUMBER_OR_DATE = /^[-+]?(?:[0-9][0-9_,.:eE+-]*|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|\.[0-9]+)$|^\d{4}-\d\d?-\d\d?(?:[Tt ].*)?$/;

export function yamlString(value: string): string {
  const plain =
    value !== '' &&
    value === value.trim() &&
    !NOT_A_STRING.test(value) &&
    !NUMBER_OR_DATE.test(value) &&
    // Indicators that cannot start a plain scalar.
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) &&
    // ": " starts a mapping value and " #" a comment anywhere in the line.
    !/:\s|:$|\s#/.test(value) &&
    // Control characters and line breaks need escapes.
    !/[\u0000-\u001f\u007f\u0085\u2028\u2029\uFEFF]/.test(value);
  return plain ? value : JSON.stringify(value);
}
