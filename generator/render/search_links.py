"""LinkedIn people-search links for step 3: a link the user clicks, nothing fetched."""

from __future__ import annotations

from urllib.parse import urlencode

_ROLE_WORDS = {
    "operations": "operations director OR plant manager OR COO",
    "hr": "HR OR talent acquisition OR people",
    "recruiter": "recruiter OR consultant OR headhunter",
    "other": "director",
}


def people_search_url(company: str, role: str) -> str:
    keywords = f"{company} {_ROLE_WORDS.get(role, role)}"
    return "https://www.linkedin.com/search/results/people/?" + urlencode({"keywords": keywords})
