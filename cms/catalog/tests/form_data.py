"""Form data for tests: the POST fields of a `JSONRowsField` (rows of labelled inputs)."""


def list_rows(prefix: str, rows: list[dict]) -> dict:
    data = {f"{prefix}-count": str(len(rows))}
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-deleted": "", f"{prefix}-{index}-order": str(index)})
        data[f"{prefix}-{index}-id"] = ""
        data.update({f"{prefix}-{index}-value-{key}": value for key, value in row.items()})
    return data
