"""GET /v1/jobs (the caller's own jobs, paginated, filterable) and
DELETE /v1/jobs/{id} (cancel a queued job)."""
from harness.jobs import is_uuid
from harness.samples import command_body, config_body


def submit_jobs(client, caller, count):
    job_ids = []
    for n in range(count):
        body = command_body() if n % 2 == 0 else config_body()
        path = "/v1/send_command" if n % 2 == 0 else "/v1/send_config"
        response = client.submit(path, body, caller)
        assert response.status_code == 202, response.text
        job_ids.append(response.json()["job_id"])
    return job_ids


def listed(response):
    assert response.status_code == 200, response.text
    assert response.headers["X-API-Version"] == "v1"
    return response.json()


def test_listing_shows_only_the_callers_jobs(idle_client, new_caller):
    me, someone_else = new_caller(), new_caller()
    mine = submit_jobs(idle_client, me, 3)
    submit_jobs(idle_client, someone_else, 2)

    page = listed(idle_client.jobs(me))
    assert {job["job_id"] for job in page["jobs"]} == set(mine)
    for job in page["jobs"]:
        assert set(job) >= {"job_id", "status", "created_at", "ended_at"}
        assert is_uuid(job["job_id"])
        assert job["status"] == "queued"
        assert job["created_at"]
        assert job["ended_at"] is None
    assert page["pagination"] == {"page": 1, "per_page": 20, "total": 3, "pages": 1}


def test_listing_is_empty_for_a_new_caller(idle_client, caller):
    page = listed(idle_client.jobs(caller))
    assert page["jobs"] == []
    assert page["pagination"]["total"] == 0


def test_listing_paginates(idle_client, caller):
    mine = set(submit_jobs(idle_client, caller, 5))

    pages = [listed(idle_client.jobs(caller, page=n, per_page=2)) for n in (1, 2, 3, 4)]
    assert [len(p["jobs"]) for p in pages] == [2, 2, 1, 0]
    for n, page in enumerate(pages, start=1):
        assert page["pagination"] == {"page": n, "per_page": 2, "total": 5, "pages": 3}
    seen = [job["job_id"] for p in pages for job in p["jobs"]]
    assert len(seen) == len(set(seen)) == 5
    assert set(seen) == mine


def test_per_page_allows_up_to_100(idle_client, caller):
    submit_jobs(idle_client, caller, 1)
    page = listed(idle_client.jobs(caller, per_page=100))
    assert page["pagination"]["per_page"] == 100
    assert len(page["jobs"]) == 1


def test_listing_filters_by_status(idle_client, caller):
    queued_ids = submit_jobs(idle_client, caller, 3)
    canceled_id = queued_ids.pop()
    assert idle_client.cancel(canceled_id, caller).status_code == 200

    queued = listed(idle_client.jobs(caller, status="queued"))
    assert {job["job_id"] for job in queued["jobs"]} == set(queued_ids)
    assert queued["pagination"]["total"] == 2
    canceled = listed(idle_client.jobs(caller, status="canceled"))
    assert [job["job_id"] for job in canceled["jobs"]] == [canceled_id]
    assert canceled["jobs"][0]["status"] == "canceled"
    assert canceled["jobs"][0]["ended_at"]
    assert listed(idle_client.jobs(caller, status="finished"))["jobs"] == []


def test_listing_reflects_finished_jobs(client, sw_enabled, new_caller):
    # Jobs belong to the Basic credentials: a fresh device user sees only its own.
    job = client.run("/v1/send_command", sw_enabled.body(commands=["show version"]),
                     sw_enabled.auth)
    page = listed(client.jobs(sw_enabled.auth, status="finished", per_page=100))
    match = [j for j in page["jobs"] if j["job_id"] == job["job_id"]]
    assert match and match[0]["status"] == "finished" and match[0]["ended_at"]
    assert listed(client.jobs(new_caller()))["pagination"]["total"] == 0


def test_cancel_a_queued_job(idle_client, caller):
    [job_id] = submit_jobs(idle_client, caller, 1)

    response = idle_client.cancel(job_id, caller)
    assert response.status_code == 200, response.text
    assert response.headers["X-API-Version"] == "v1"
    assert response.json()["status"] == "canceled"
    job = idle_client.job(job_id, caller).json()
    assert job["status"] == "canceled"
    assert job["ended_at"] is not None
    assert job["results"] is None


def test_cancel_an_ended_job_is_a_conflict(idle_client, caller):
    [job_id] = submit_jobs(idle_client, caller, 1)
    assert idle_client.cancel(job_id, caller).status_code == 200

    response = idle_client.cancel(job_id, caller)
    assert response.status_code == 409, response.text
    assert idle_client.job(job_id, caller).json()["status"] == "canceled"


def test_cancel_a_finished_job_is_a_conflict(client, sw_enabled):
    job = client.run("/v1/send_command", sw_enabled.body(commands=["show version"]),
                     sw_enabled.auth)
    response = client.cancel(job["job_id"], sw_enabled.auth)
    assert response.status_code == 409, response.text
    assert client.job(job["job_id"], sw_enabled.auth).json()["status"] == "finished"


def test_cancel_someone_elses_job_is_forbidden(idle_client, new_caller):
    owner, intruder = new_caller(), new_caller()
    [job_id] = submit_jobs(idle_client, owner, 1)

    response = idle_client.cancel(job_id, intruder)
    assert response.status_code == 403, response.text
    assert idle_client.job(job_id, owner).json()["status"] == "queued"
