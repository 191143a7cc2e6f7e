/**
 * Pattern of a DNS-1123 label (NodePool names, namespaces, environments): lowercase letters,
 * digits and `-`, starting and ending with a letter or digit (k8s.io/apimachinery
 * pkg/util/validation `dns1123LabelFmt`; the length, at most 63, is checked separately).
 *
 * @public
 */
export const DNS1123_LABEL_PATTERN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
