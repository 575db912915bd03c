-- wrk script for make loadtest: every connection cycles through the URL mix in urls.txt
-- (written by loadtest.py), each starting at a different place in the list.
local paths = {}
local counter = 0

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
